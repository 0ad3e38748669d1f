using KubeCore.Migrate;

// Converts a KubeCore 0.1 database (command streams) to 0.2 (states), once, in place:
//   dotnet run --project tools/KubeCore.Migrate -- <sqlite file>
//   dotnet run --project tools/KubeCore.Migrate -- --postgres "<connection string>"
return await Cli.RunAsync(args, Console.Out, Console.Error);
