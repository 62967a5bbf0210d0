using Hromada.Core.Proposals;
using Hromada.Core.Reports;
using Hromada.Core.Text;
using Microsoft.Extensions.Logging;
using ScottPlot;
using SkiaSharp;

namespace Hromada.Admin.Reports;

/// <summary>
/// Draws the reports' charts as PNG with ScottPlot: proposals by settlement (by residence and by the settlement
/// concerned, zeros shown), proposals by sphere, outcomes by sphere. Labels are Ukrainian, so the font must have
/// Cyrillic: the first of DejaVu Sans, Liberation Sans, Noto Sans, Arial that is installed, else any font with Cyrillic
/// (Debian: fonts-dejavu-core).
/// </summary>
public sealed class ChartRenderer
{
    public const string Settlements = "settlements";
    public const string Spheres = "spheres";
    public const string Outcomes = "outcomes";

    public static readonly IReadOnlyList<string> Names = [Settlements, Spheres, Outcomes];

    private const int Width = 1200;
    private static readonly string[] PreferredFonts = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial"];
    private static readonly Lazy<string?> Font = new(FindCyrillicFont);

    private static readonly Color Residence = Color.FromHex("#1f77b4");
    private static readonly Color Concerned = Color.FromHex("#ff7f0e");
    private static readonly Color AcceptedColor = Color.FromHex("#2ca02c");
    private static readonly Color PartialColor = Color.FromHex("#bcbd22");
    private static readonly Color RejectedColor = Color.FromHex("#d62728");
    private static readonly Color UndecidedColor = Color.FromHex("#9e9e9e");

    private readonly ILogger<ChartRenderer> _logger;
    private int _warned;

    public ChartRenderer(ILogger<ChartRenderer> logger) => _logger = logger;

    /// <summary>The font family the charts use; null when the machine has no font with Cyrillic letters.</summary>
    public static string? FontFamily => Font.Value;

    /// <summary>The chart called <paramref name="name"/> (one of <see cref="Names"/>) as a PNG.</summary>
    public byte[] Render(string name, RepresentationReport report)
    {
        if (Font.Value is null && Interlocked.Exchange(ref _warned, 1) == 0)
        {
            _logger.LogWarning("No font with Cyrillic letters was found; chart labels will not be readable. Install one (Debian: apt-get install fonts-dejavu-core).");
        }
        return Draw(name, report);
    }

    private static byte[] Draw(string name, RepresentationReport report) => name switch
    {
        Settlements => BySettlement(report),
        Spheres => BySphere(report),
        Outcomes => OutcomesBySphere(report),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, $"Charts: {string.Join(", ", Names)}."),
    };

    public static string Title(string name) => name switch
    {
        Settlements => "Пропозиції за населеними пунктами",
        Spheres => "Пропозиції за сферами",
        Outcomes => "Рішення за сферами",
        _ => name,
    };

    private static byte[] BySettlement(RepresentationReport report)
    {
        var rows = report.BySettlement.Select(s => (s.Label, Home: s.ByResidence.Proposals, Place: s.Concerned.Proposals)).ToList();
        rows.Add(("Місце проживання не зазначено", report.ResidenceUnknown.Proposals, 0));
        rows.Add(("Уся громада", 0, report.ConcernsWholeHromada.Proposals));
        rows.Add(("Інший населений пункт", 0, report.ConcernsUnlistedSettlement.Proposals));

        var plot = NewPlot(Title(Settlements));
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        for (var i = 0; i < rows.Count; i++)
        {
            // Top to bottom in the catalog's order: the first row gets the highest position.
            var y = (rows.Count - 1 - i) * 3.0;
            bars.Add(HBar(y + 0.5, rows[i].Home, Residence));
            bars.Add(HBar(y - 0.5, rows[i].Place, Concerned));
            ticks.Add(new Tick(y, rows[i].Label));
        }
        plot.Add.Bars(bars);
        FinishHorizontal(plot, ticks, bars.Count == 0 ? 0 : bars.Max(b => b.Value));
        plot.ShowLegend(
        [
            new LegendItem { LabelText = "за місцем проживання авторів", FillColor = Residence },
            new LegendItem { LabelText = "стосуються населеного пункту", FillColor = Concerned },
        ], Alignment.LowerRight);
        return Png(plot, 120 + rows.Count * 46);
    }

    private static byte[] BySphere(RepresentationReport report)
    {
        var plot = NewPlot(Title(Spheres));
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        var spheres = report.BySphere;
        for (var i = 0; i < spheres.Count; i++)
        {
            var y = (double)(spheres.Count - 1 - i);
            bars.Add(HBar(y, spheres[i].Proposals, Residence, 0.7));
            ticks.Add(new Tick(y, Wrap(spheres[i].Label, 38)));
        }
        plot.Add.Bars(bars);
        FinishHorizontal(plot, ticks, bars.Count == 0 ? 0 : bars.Max(b => b.Value));
        return Png(plot, 140 + spheres.Count * 70);
    }

    private static byte[] OutcomesBySphere(RepresentationReport report)
    {
        var plot = NewPlot(Title(Outcomes));
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        var spheres = report.BySphere;
        var max = 0;
        for (var i = 0; i < spheres.Count; i++)
        {
            var y = (double)(spheres.Count - 1 - i);
            var o = spheres[i].Outcomes;
            var start = 0;
            foreach (var (value, color) in new[] { (o.Accepted, AcceptedColor), (o.PartiallyAccepted, PartialColor), (o.Rejected, RejectedColor), (o.Undecided, UndecidedColor) })
            {
                if (value > 0)
                {
                    var bar = HBar(y, start + value, color, 0.7);
                    bar.ValueBase = start;
                    bar.Label = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    bar.CenterLabel = true;
                    bars.Add(bar);
                }
                start += value;
            }
            max = Math.Max(max, start);
            ticks.Add(new Tick(y, Wrap(spheres[i].Label, 38)));
        }
        plot.Add.Bars(bars);
        FinishHorizontal(plot, ticks, max);
        plot.ShowLegend(
        [
            new LegendItem { LabelText = Decided(DecisionOutcome.Accepted), FillColor = AcceptedColor },
            new LegendItem { LabelText = Decided(DecisionOutcome.PartiallyAccepted), FillColor = PartialColor },
            new LegendItem { LabelText = Decided(DecisionOutcome.Rejected), FillColor = RejectedColor },
            new LegendItem { LabelText = "без рішення", FillColor = UndecidedColor },
        ], Alignment.LowerRight);
        return Png(plot, 160 + spheres.Count * 70);
    }

    /// <summary>The outcome as a fact, lower case, as the report's other legends («враховано частково»).</summary>
    private static string Decided(DecisionOutcome outcome) =>
        ProposalLabels.Decided(outcome).ToLower(Ukrainian.Culture);

    private static Plot NewPlot(string title)
    {
        var plot = new Plot();
        if (Font.Value is { } font)
        {
            plot.Font.Set(font);
        }
        plot.Title(title, 18);
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 12;
        return plot;
    }

    private static Bar HBar(double position, double value, Color color, double size = 0.9) => new()
    {
        Position = position,
        Value = value,
        FillColor = color,
        LineWidth = 0,
        Size = size,
        Orientation = Orientation.Horizontal,
        Label = value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static void FinishHorizontal(Plot plot, List<Tick> ticks, double max)
    {
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Grid.YAxisStyle.IsVisible = false;
        // Whole numbers only on the count axis, and room for the value labels; an all-zero chart still has a scale.
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.SetLimitsX(0, Math.Max(4, max * 1.12));
        if (ticks.Count > 0)
        {
            plot.Axes.SetLimitsY(ticks.Min(t => t.Position) - 1.5, ticks.Max(t => t.Position) + 1.5);
        }
    }

    private static byte[] Png(Plot plot, int height) => plot.GetImageBytes(Width, Math.Max(300, height), ImageFormat.Png);

    private static string Wrap(string label, int width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in label.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }
        lines.Add(line);
        return string.Join("\n", lines);
    }

    private static string? FindCyrillicFont()
    {
        const string sample = "Камʼянка Ґ Ї Є";
        foreach (var family in PreferredFonts)
        {
            using var typeface = SKFontManager.Default.MatchFamily(family);
            if (typeface is not null && string.Equals(typeface.FamilyName, family, StringComparison.OrdinalIgnoreCase) && typeface.ContainsGlyphs(sample))
            {
                return family;
            }
        }
        using var any = SKFontManager.Default.MatchCharacter('Ж');
        return any?.FamilyName;
    }
}
