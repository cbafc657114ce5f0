using System.Globalization;
using System.Text;
using MinerSim.Cli.Output;
using System.Text.Json;
using MinerSim.Questions;

namespace MinerSim.Cli.Verbs;

/// <summary>Renders a <see cref="SensitivityResult"/> as an aligned table, CSV or JSON.</summary>
internal static class SensitivityText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Table(SensitivityResult r, string scenario)
    {
        var sb = new StringBuilder();
        string pct = (r.Delta * 100).ToString("0.##", Inv);
        sb.AppendLine(Inv, $"sensitivity: {scenario}, {r.Metric.Text}, each parameter x(1 - {pct}%) and x(1 + {pct}%), {r.Paths:N0} paths, seed {r.Seed} (the same random numbers in every run)");
        sb.AppendLine(Inv, $"base {Short(r.Base)}");
        sb.AppendLine();
        string[] header = ["parameter", "base value", "low", "high", "low - base", "high - base"];
        var rows = r.Rows.Select(x => new[] { x.Parameter, BaseValues(x.BaseValues), Short(x.Low), Short(x.High), Signed(x.LowEffect), Signed(x.HighEffect) }).ToList();
        TextTable.Append(sb, header, rows);
        return sb.ToString();
    }

    public static string Csv(SensitivityResult r)
    {
        var sb = new StringBuilder("parameter,base_value,metric,base,low,high,low_effect,high_effect\n");
        foreach (var x in r.Rows)
        {
            sb.Append(Inv, $"{x.Parameter},{string.Join(';', x.BaseValues.Select(Num))},{r.Metric.Text},{Num(r.Base)},{Num(x.Low)},{Num(x.High)},{Num(x.LowEffect)},{Num(x.HighEffect)}\n");
        }

        return sb.ToString();
    }

    public static string Json(SensitivityResult r, string scenario)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("scenario", scenario);
            w.WriteString("metric", r.Metric.Text);
            w.WriteNumber("delta", r.Delta);
            w.WriteNumber("paths", r.Paths);
            w.WriteNumber("seed", r.Seed);
            w.WriteNumber("base", r.Base);
            w.WriteStartArray("parameters");
            foreach (var x in r.Rows)
            {
                w.WriteStartObject();
                w.WriteString("parameter", x.Parameter);
                w.WriteStartArray("baseValues");
                foreach (double v in x.BaseValues) w.WriteNumberValue(v);
                w.WriteEndArray();
                w.WriteNumber("low", x.Low);
                w.WriteNumber("high", x.High);
                w.WriteNumber("lowEffect", x.LowEffect);
                w.WriteNumber("highEffect", x.HighEffect);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string BaseValues(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return string.Empty;
        double lo = values.Min(), hi = values.Max();
        return lo == hi ? Short(lo) : $"{Short(lo)}..{Short(hi)}";
    }

    private static string Short(double v) => Math.Abs(v) >= 1e6 || (v != 0 && Math.Abs(v) < 1e-3) ? v.ToString("G4", Inv) : v.ToString("#,0.####", Inv);

    private static string Signed(double v) => (v > 0 ? "+" : string.Empty) + Short(v);

    private static string Num(double v) => v.ToString("R", Inv);
}
