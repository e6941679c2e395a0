return await AttackDash.Cli.CliApp.RunAsync(args, Console.Out, Console.Error);
