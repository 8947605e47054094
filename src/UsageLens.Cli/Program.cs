using UsageLens.Cli;

return await CliApplication.RunAsync(args, new CliEnvironment(Console.Out, Console.Error, TimeProvider.System));
