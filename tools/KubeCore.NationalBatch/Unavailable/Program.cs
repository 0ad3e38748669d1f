// Built only while the ledger, meetings or the revolving fund are not yet in src (see the project file).
Console.Error.WriteLine("The national batch needs the savings ledger, meetings and the revolving loan fund in src/KubeCore; build it after they are merged.");
return 2;
