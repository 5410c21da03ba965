namespace IqTriageBot.Tests.Infrastructure;

/// <summary>Folders of the checkout the tests run from, found by walking up to the solution file.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string Dialogs => Path.Combine(Root, "dialogs");

    public static string SettingsSample => Path.Combine(Root, "appsettings.sample.json");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "IqTriageBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains IqTriageBot.sln.");
    }
}
