using BenchmarkDotNet.Running;

// Usage: dotnet run -c Release --project bench/IqTriageBot.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(IqTriageBot.Benchmarks.ClassifierBenchmark).Assembly).Run(args);
