return SmartPulse.Cli.CommandLine.Run(args, Console.Out, Console.Error);
