namespace AttackDash.Web.Components.Charts;

public sealed record ChartSeries(string Name, IReadOnlyList<double> Data);

/// <summary>
/// What a page wants drawn, in our terms; <see cref="ToOptions"/> is the one place that knows ApexCharts'
/// option names. X values are either <see cref="Categories"/> or <see cref="Times"/> (instants on a time
/// axis shown in the viewer's zone).
/// </summary>
public sealed record ChartSpec(string Type, IReadOnlyList<ChartSeries> Series)
{
    public IReadOnlyList<string>? Categories { get; init; }
    public IReadOnlyList<DateTimeOffset>? Times { get; init; }
    public bool Stacked { get; init; }
    public bool Horizontal { get; init; }
    public int Height { get; init; } = 300;
    public string? YTitle { get; init; }

    /// <summary>The sum of every value: exposed on the chart element so that tests can compare it with the database.</summary>
    public double Total => Series.Sum(s => s.Data.Sum());

    public object ToOptions() => new
    {
        chart = new { type = Type, height = Height, stacked = Stacked, animations = new { enabled = false }, toolbar = new { show = Times is not null }, zoom = new { enabled = Times is not null } },
        series = Series.Select(s => new { name = s.Name, data = Points(s) }).ToArray(),
        xaxis = Times is not null
            ? (object)new { type = "datetime", labels = new { datetimeUTC = false } }
            : new { categories = Categories ?? [] },
        yaxis = new { title = new { text = YTitle ?? "" } },
        plotOptions = new { bar = new { horizontal = Horizontal } },
        dataLabels = new { enabled = false },
        stroke = new { width = Type is "bar" ? 0 : 2, curve = "straight" },
        tooltip = new { x = new { format = "yyyy-MM-dd HH:mm" } },
        legend = new { position = "top" },
        noData = new { text = "No events in this period" },
    };

    private object[] Points(ChartSeries s) => Times is null
        ? [.. s.Data.Cast<object>()]
        : [.. s.Data.Select((y, i) => new object[] { Times[i].ToUnixTimeMilliseconds(), y })];
}
