namespace AttackDash.Tests.Shared;

/// <summary>The checkout the tests run from, for the files that ship beside the code (units, compose, scripts).</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "AttackDash.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"no AttackDash.sln above {AppContext.BaseDirectory}");
    }
}
