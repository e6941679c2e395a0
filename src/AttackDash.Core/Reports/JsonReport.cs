using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using AttackDash.Core.Analysis;

namespace AttackDash.Core.Reports;

/// <summary>Writes and reads the <c>attackdash.analyze/1</c> document.</summary>
public static class JsonReport
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // Payloads are shown to people: keep < > ` readable rather than \u003C-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static void Write(Stream stream, AnalysisReport report) => JsonSerializer.Serialize(stream, report, Options);

    /// <summary>Writes the document to a text writer as it is serialized, never as one string.</summary>
    public static void Write(TextWriter output, AnalysisReport report)
    {
        using var stream = new TextWriterStream(output);
        Write(stream, report);
    }

    public static string ToJson(AnalysisReport report) => JsonSerializer.Serialize(report, Options);
}
