return await AttackDash.Cli.CliApp.RunAsync(args, Console.Out, AttackDash.Cli.JournalPriorityWriter.ForStandardError());
