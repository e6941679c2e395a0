using AttackDash.Storage.Queries;
using AttackDash.Web.Components.Shared;

namespace AttackDash.Web.Tests;

public sealed class WorldMapTests : BunitContext
{
    [Fact]
    public void Each_place_is_one_circle_at_its_projected_coordinates_with_the_largest_drawn_largest()
    {
        MapPoint[] points = [new(52, 13, 4, 100, "Germany"), new(-34, 151, 1, 25, "Australia")];

        var map = Render<WorldMap>(p => p.Add(m => m.Points, points));

        var circles = map.FindAll("circle.origin");
        Assert.Equal(2, circles.Count);
        Assert.Equal(("193", "38"), (circles[0].GetAttribute("cx"), circles[0].GetAttribute("cy")));
        Assert.Equal(("331", "124"), (circles[1].GetAttribute("cx"), circles[1].GetAttribute("cy")));
        Assert.True(double.Parse(circles[0].GetAttribute("r")!, System.Globalization.CultureInfo.InvariantCulture)
            > double.Parse(circles[1].GetAttribute("r")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("Germany: 4 IPs, 100 events", circles[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bundled_outline_is_copied_by_the_build_and_draws_the_continents()
    {
        var path = WorldOutline.Load(Path.Combine(AppContext.BaseDirectory, "wwwroot", "lib", "world-atlas", "land-110m.json"));

        Assert.StartsWith("M", path, StringComparison.Ordinal);
        Assert.True(path.Count(c => c == 'Z') > 100, "Natural Earth 1:110m land has over a hundred rings");
    }

    [Fact]
    public void TopoJson_arcs_are_delta_decoded_scaled_and_reversed_when_negative()
    {
        // Two arcs: (0,0)->(10,0) and (10,0)->(10,10); the ring uses arc 0, then arc 1 reversed is not needed,
        // so the second ring walks arc 1 backwards: (10,10)->(10,0).
        const string json = """
            {"type":"Topology","transform":{"scale":[1,1],"translate":[0,0]},
             "objects":{"land":{"type":"GeometryCollection","geometries":[
               {"type":"Polygon","arcs":[[0,1]]},{"type":"MultiPolygon","arcs":[[[-2]]]}]}},
             "arcs":[[[0,0],[10,0]],[[10,0],[0,10]]]}
            """;

        Assert.Equal("M180,90L190,90L190,80ZM190,80L190,90Z", WorldOutline.FromTopoJson(json));
    }

    [Fact]
    public void A_ring_that_crosses_the_antimeridian_moves_instead_of_drawing_across_the_map()
    {
        const string json = """
            {"type":"Topology","transform":{"scale":[1,1],"translate":[0,0]},
             "objects":{"land":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[0]]}]}},
             "arcs":[[[170,60],[10,0],[-350,0],[5,5]]]}
            """;

        Assert.Equal("M350,30L360,30M10,30L15,25Z", WorldOutline.FromTopoJson(json));
    }
}
