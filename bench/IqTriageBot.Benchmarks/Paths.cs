namespace IqTriageBot.Benchmarks;

internal static class Paths
{
    /// <summary>The checkout's dialogs/ folder, found from the working directory upwards.</summary>
    public static string Dialogs
    {
        get
        {
            for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "dialogs");
                if (File.Exists(Path.Combine(candidate, "flow.yaml")))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException("Run the benchmarks from inside the checkout (no dialogs/ folder found above the working directory).");
        }
    }
}
