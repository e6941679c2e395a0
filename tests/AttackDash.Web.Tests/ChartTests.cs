using System.Text.Json;
using AttackDash.Web.Components.Charts;

namespace AttackDash.Web.Tests;

public sealed class ChartTests : BunitContext
{
    private static readonly ChartSpec Spec = new("bar", [new("events", [3, 4]), new("other", [1, 0])]) { Categories = ["a", "b"], Stacked = true };

    [Fact]
    public void A_chart_is_drawn_by_the_module_with_the_series_of_its_spec_and_exposes_their_total()
    {
        var module = JSInterop.SetupModule("./js/apexchart.js");
        module.SetupVoid("render", _ => true).SetVoidResult();

        var chart = Render<ApexChart>(p => p.Add(c => c.Spec, Spec).Add(c => c.Id, "c1"));

        Assert.Equal("8", chart.Find("#c1").GetAttribute("data-total"));
        var options = JsonSerializer.SerializeToElement(module.Invocations["render"].Single().Arguments[1]);
        Assert.Equal("bar", options.GetProperty("chart").GetProperty("type").GetString());
        Assert.True(options.GetProperty("chart").GetProperty("stacked").GetBoolean());
        Assert.Equal([3.0, 4.0], options.GetProperty("series")[0].GetProperty("data").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(["a", "b"], options.GetProperty("xaxis").GetProperty("categories").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void A_chart_redraws_only_when_its_spec_changes()
    {
        var module = JSInterop.SetupModule("./js/apexchart.js");
        module.SetupVoid("render", _ => true).SetVoidResult();
        var chart = Render<ApexChart>(p => p.Add(c => c.Spec, Spec));

        chart.Render(p => p.Add(c => c.Spec, Spec));
        Assert.Single(module.Invocations["render"]);

        chart.Render(p => p.Add(c => c.Spec, Spec with { Stacked = false }));
        Assert.Equal(2, module.Invocations["render"].Count);
    }

    [Fact]
    public void Time_series_are_sent_as_epoch_milliseconds_on_a_local_time_axis()
    {
        var t = new DateTimeOffset(2025, 6, 30, 0, 0, 0, TimeSpan.Zero);
        var spec = new ChartSpec("area", [new("auth_failure", [5])]) { Times = [t] };

        var options = JsonSerializer.SerializeToElement(spec.ToOptions());

        var point = options.GetProperty("series")[0].GetProperty("data")[0];
        Assert.Equal(t.ToUnixTimeMilliseconds(), point[0].GetInt64());
        Assert.Equal(5, point[1].GetDouble());
        Assert.Equal("datetime", options.GetProperty("xaxis").GetProperty("type").GetString());
        Assert.False(options.GetProperty("xaxis").GetProperty("labels").GetProperty("datetimeUTC").GetBoolean());
    }
}
