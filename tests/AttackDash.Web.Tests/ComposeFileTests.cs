using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace AttackDash.Web.Tests;

/// <summary>
/// docker-compose.yml, read as YAML (no Docker engine here runs `docker compose config`): the faults a
/// reader found once stay fixed, and no password sits in an environment variable.
/// </summary>
public sealed partial class ComposeFileTests
{
    private static readonly string Text = File.ReadAllText(Repository.File("docker-compose.yml"));
    private static readonly YamlMappingNode Root = Load();

    [Fact]
    public void Every_service_that_opens_the_database_gets_the_connection_string_as_a_secret_and_none_as_a_variable()
    {
        foreach (var name in new[] { "migrate", "ingest", "web" })
            Assert.Contains("ConnectionStrings__AttackDash", Strings(Service(name), "secrets"));
        Assert.Contains("db_password", Strings(Service("db"), "secrets"));
        var declared = (YamlMappingNode)Root["secrets"];
        foreach (var secret in new[] { "ConnectionStrings__AttackDash", "db_password" })
            Assert.StartsWith("./secrets/", ((YamlMappingNode)declared[secret])["file"].ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Password=", string.Join('\n', Text.Split('\n').Where(l => !l.TrimStart().StartsWith('#'))), StringComparison.Ordinal);
        Assert.DoesNotContain("POSTGRES_PASSWORD:", Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ingest_worker_reads_the_mail_log_in_the_hosts_zone_with_the_adm_group_and_has_a_health_check()
    {
        var ingest = Service("ingest");
        Assert.Contains("/etc/localtime:/etc/localtime:ro", Strings(ingest, "volumes"));
        Assert.False(((YamlMappingNode)ingest["environment"]).Children.ContainsKey("TZ"), "TZ would override the mounted /etc/localtime");
        Assert.Contains("${LOG_GROUP_GID:-4}", Strings(ingest, "group_add"));
        Assert.Contains(Strings(ingest, "command"), c => c.Contains("${MAIL_LOG_NAME", StringComparison.Ordinal));
        Assert.Contains("--max-silence", Strings((YamlMappingNode)ingest["healthcheck"], "test"));
    }

    [Fact]
    public void Migrations_run_once_before_the_others_and_the_dashboard_listens_on_loopback_with_persisted_keys()
    {
        foreach (var name in new[] { "ingest", "web" })
        {
            var migrate = (YamlMappingNode)((YamlMappingNode)Service(name)["depends_on"])["migrate"];
            Assert.Equal("service_completed_successfully", migrate["condition"].ToString());
        }
        var web = Service("web");
        Assert.Equal("false", ((YamlMappingNode)web["environment"])["Database__MigrateOnStart"].ToString());
        Assert.StartsWith("${WEB_BIND:-127.0.0.1}:", Strings(web, "ports").Single(), StringComparison.Ordinal);
        Assert.Contains(Strings(web, "volumes"), v => v.EndsWith(":/home/app/.aspnet/DataProtection-Keys", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_variable_the_file_reads_is_explained_in_one_of_its_comments()
    {
        var comments = string.Join('\n', Text.Split('\n').Where(l => l.TrimStart().StartsWith('#')));
        foreach (var name in Variable().Matches(Text).Select(m => m.Groups[1].Value).Distinct())
            Assert.True(comments.Contains(name, StringComparison.Ordinal), $"${{{name}}} is used but no comment says what it is");
    }

    [GeneratedRegex(@"\$\{([A-Z_]+)")]
    private static partial Regex Variable();

    private static YamlMappingNode Service(string name) => (YamlMappingNode)((YamlMappingNode)Root["services"])[name];

    private static List<string> Strings(YamlMappingNode node, string key) =>
        [.. ((YamlSequenceNode)node[key]).Children.Select(c => c.ToString())];

    private static YamlMappingNode Load()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(Text));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }
}
