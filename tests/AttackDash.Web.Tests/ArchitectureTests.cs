using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;

namespace AttackDash.Web.Tests;

/// <summary>
/// The boundaries of docs/architecture.md, read from the compiled assemblies: what each project
/// references, and where SQL text is. A page that renders an EF entity, or a worker that opens its own
/// connection, fails here instead of in review.
/// </summary>
public sealed partial class ArchitectureTests
{
    private static readonly Assembly Core = typeof(AttackDash.Core.Events.EventKind).Assembly;
    private static readonly Assembly Storage = typeof(AttackDash.Storage.AttackDashDbContext).Assembly;
    private static readonly Assembly Ingestion = typeof(AttackDash.Ingestion.FileIngestor).Assembly;
    private static readonly Assembly Web = typeof(WebAppFactory).Assembly;
    private static readonly Assembly Cli = typeof(AttackDash.Cli.CliApp).Assembly;
    private static readonly Assembly Operations = typeof(AttackDash.Operations.ReviewServiceCollectionExtensions).Assembly;

    [Fact]
    public void Core_references_no_assembly_of_ours_and_no_database_library()
    {
        var references = Core.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(references, n => n.StartsWith("AttackDash.", StringComparison.Ordinal) || n.StartsWith("Npgsql", StringComparison.Ordinal) || n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Storage_references_neither_the_web_host_nor_ingestion_nor_operations()
    {
        var references = Storage.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(Web.GetName().Name, references);
        Assert.DoesNotContain(Ingestion.GetName().Name, references);
        Assert.DoesNotContain(Operations.GetName().Name, references);
    }

    [Theory]
    [InlineData("AttackDash.Web")]
    [InlineData("AttackDash.Ingestion")]
    [InlineData("AttackDash.Operations")]
    public void Web_ingestion_and_operations_use_no_Npgsql_type_no_EF_type_and_no_entity(string assembly)
    {
        var used = TypeReferences(Load(assembly)).Where(t =>
            t.StartsWith("Npgsql", StringComparison.Ordinal) || t.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            || t.StartsWith("AttackDash.Storage.Entities", StringComparison.Ordinal)).ToList();
        Assert.Empty(used);
    }

    [Theory]
    [InlineData("AttackDash.Web")]
    [InlineData("AttackDash.Ingestion")]
    [InlineData("AttackDash.Operations")]
    [InlineData("attackdash")]
    public void Only_storage_holds_SQL(string assembly)
    {
        var sql = UserStrings(Load(assembly)).Where(s => Sql().IsMatch(s)).ToList();
        Assert.Empty(sql);
    }

    [Fact]
    public void The_SQL_check_finds_the_SQL_that_storage_does_hold()
    {
        Assert.Contains(UserStrings(Storage), s => Sql().IsMatch(s));
    }

    private static Assembly Load(string name) => new[] { Web, Ingestion, Cli, Operations }.Single(a => a.GetName().Name == name);

    private static List<string> TypeReferences(Assembly assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly.Location));
        var md = pe.GetMetadataReader();
        return [.. md.TypeReferences.Select(h => md.GetTypeReference(h)).Select(t => $"{md.GetString(t.Namespace)}.{md.GetString(t.Name)}")];
    }

    private static List<string> UserStrings(Assembly assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly.Location));
        var md = pe.GetMetadataReader();
        var strings = new List<string>();
        for (var h = MetadataTokens.UserStringHandle(1); !h.IsNil; h = md.GetNextHandle(h))
            strings.Add(md.GetUserString(h));
        return strings;
    }

    [GeneratedRegex(@"\b(SELECT\s.+\sFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+TABLE)\b", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Sql();
}
