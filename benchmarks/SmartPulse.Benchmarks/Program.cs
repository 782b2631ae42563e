// Release console harness: `dotnet run -c Release --project benchmarks/SmartPulse.Benchmarks -- <name>`.
Console.WriteLine("SmartPulse benchmarks: no benchmark registered yet.");
