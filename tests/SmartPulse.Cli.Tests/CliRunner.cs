namespace SmartPulse.Cli.Tests;

/// <summary>Runs the smartpulse command line in-process and captures both streams.</summary>
internal static class CliRunner
{
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CommandLine.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
