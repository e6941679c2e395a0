using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AttackDash.Web.Components.Shared;

/// <summary>
/// The land outline for the world map, as one SVG path in an equirectangular projection
/// (x = longitude + 180, y = 90 - latitude), built once from Natural Earth's 1:110m land in TopoJSON
/// (npm world-atlas, copied into wwwroot/lib by the build). Offline: no tile server.
/// </summary>
public static class WorldOutline
{
    private static readonly Lazy<string> Path = new(() => Load(System.IO.Path.Combine(AppContext.BaseDirectory, "wwwroot", "lib", "world-atlas", "land-110m.json")));

    /// <summary>The path data, or "" when the file is missing (the map then shows its points only).</summary>
    public static string SvgPath => Path.Value;

    public static string Load(string file) => File.Exists(file) ? FromTopoJson(File.ReadAllText(file)) : "";

    public static string FromTopoJson(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var scale = root.GetProperty("transform").GetProperty("scale");
        var shift = root.GetProperty("transform").GetProperty("translate");
        var arcs = root.GetProperty("arcs").EnumerateArray().Select(a => Decode(a, scale, shift)).ToList();
        var svg = new StringBuilder();
        foreach (var geometry in root.GetProperty("objects").EnumerateObject().First().Value.GetProperty("geometries").EnumerateArray())
        {
            var polygons = geometry.GetProperty("type").GetString() == "Polygon"
                ? [geometry.GetProperty("arcs")] : geometry.GetProperty("arcs").EnumerateArray().ToList();
            foreach (var ring in polygons.SelectMany(p => p.EnumerateArray()))
                AppendRing(svg, ring.EnumerateArray().Select(i => i.GetInt32()), arcs);
        }
        return svg.ToString();
    }

    /// <summary>TopoJSON arcs are quantized and delta-encoded: positions are running sums, then scaled.</summary>
    private static List<(double X, double Y)> Decode(JsonElement arc, JsonElement scale, JsonElement shift)
    {
        double x = 0, y = 0;
        var points = new List<(double, double)>();
        foreach (var p in arc.EnumerateArray())
        {
            x += p[0].GetDouble();
            y += p[1].GetDouble();
            var lon = x * scale[0].GetDouble() + shift[0].GetDouble();
            var lat = y * scale[1].GetDouble() + shift[1].GetDouble();
            points.Add((lon + 180, 90 - lat));
        }
        return points;
    }

    /// <summary>
    /// A ring is a chain of arcs; a negative index (~i) means arc i reversed. A step of more than half
    /// the world is a ring crossing the antimeridian (Chukotka, Fiji): it moves instead of drawing a line across the map.
    /// </summary>
    private static void AppendRing(StringBuilder svg, IEnumerable<int> arcIndexes, List<List<(double X, double Y)>> arcs)
    {
        var first = true;
        var lastX = 0.0;
        foreach (var index in arcIndexes)
        {
            IEnumerable<(double X, double Y)> points = index >= 0 ? arcs[index] : Enumerable.Reverse(arcs[~index]);
            foreach (var (x, y) in first ? points : points.Skip(1))
            {
                svg.Append(first || Math.Abs(x - lastX) > 180 ? 'M' : 'L').Append(x.ToString("0.##", CultureInfo.InvariantCulture)).Append(',').Append(y.ToString("0.##", CultureInfo.InvariantCulture));
                (first, lastX) = (false, x);
            }
        }
        if (!first)
            svg.Append('Z');
    }
}
