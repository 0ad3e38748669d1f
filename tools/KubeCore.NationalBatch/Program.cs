using KubeCore.NationalBatch;

// The national batch: 250 000 groups × 10 members × 52 weeks through the real library (see docs/PERFORMANCE.md).
// Exit code: 0 when consistent (and, for a national-scale run, within the time and memory budgets); 1 otherwise; 2 on bad options.
BatchOptions options;
try
{
    options = BatchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

// The gen0 budget is an environment setting only: a run without it starts itself again with it (see Gen0Budget).
if (Gen0Budget.ShouldRestart(Environment.GetEnvironmentVariable) && Gen0Budget.Restart(args, Console.Error) is { } exitCode)
{
    return exitCode;
}

var result = NationalBatchRunner.Run(options, Console.Out);
BatchReport.Print(result, Console.Out);
var ok = result.IsConsistent && (!options.BudgetsApply || (result.WithinTime && result.WithinMemory));
return ok ? 0 : 1;
