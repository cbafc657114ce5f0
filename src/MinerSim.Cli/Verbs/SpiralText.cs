using System.Globalization;
using System.Text;
using MinerSim.Cli.Output;
using System.Text.Json;
using MinerSim.Questions;

namespace MinerSim.Cli.Verbs;

/// <summary>Renders a <see cref="SpiralResult"/> as an aligned table, CSV or JSON.</summary>
internal static class SpiralText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Table(SpiralResult r, string scenario, ulong seed)
    {
        var sb = new StringBuilder();
        sb.AppendLine(Inv, $"spiral: {scenario}, {r.Paths:N0} paths x {r.Days} days, seed {seed}, the same random numbers in both arms");
        sb.AppendLine(Inv, $"a path's price falls when min P_t / P0 < {Num(1 - r.PriceFall)}; its hashrate falls when min H_t / H_0 < {Num(1 - r.HashrateFall)} (H_0: the path's day-0 hashrate)");
        sb.AppendLine();
        string[] header = ["arm", "gamma", "P(price falls)", "P(hashrate falls)", "P(both)", "se"];
        var rows = new List<string[]>
        {
            Row("no feedback", r.Without),
            Row("feedback", r.With),
        };
        TextTable.Append(sb, header, rows);
        sb.AppendLine();
        sb.AppendLine(Inv, $"difference in P(both), feedback - no feedback: {Signed(r.JointDifference)} (se {Pct(r.JointDifferenceSe)}, paired over the same paths)");
        return sb.ToString();
    }

    public static string Csv(SpiralResult r)
    {
        var sb = new StringBuilder("arm,gamma,p_price_falls,p_hashrate_falls,p_joint,se_joint\n");
        foreach (var (name, a) in new[] { ("no_feedback", r.Without), ("feedback", r.With) })
        {
            sb.Append(Inv, $"{name},{Num(a.Gamma)},{Num(a.PriceFalls)},{Num(a.HashrateFalls)},{Num(a.Joint)},{Num(a.JointSe)}\n");
        }

        sb.Append(Inv, $"difference,,,,{Num(r.JointDifference)},{Num(r.JointDifferenceSe)}\n");
        return sb.ToString();
    }

    public static string Json(SpiralResult r, string scenario, ulong seed)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("scenario", scenario);
            w.WriteNumber("seed", seed);
            w.WriteNumber("paths", r.Paths);
            w.WriteNumber("days", r.Days);
            w.WriteNumber("priceFallThreshold", 1 - r.PriceFall);
            w.WriteNumber("hashrateFallThreshold", 1 - r.HashrateFall);
            Arm(w, "withoutFeedback", r.Without);
            Arm(w, "withFeedback", r.With);
            w.WriteNumber("jointDifference", r.JointDifference);
            w.WriteNumber("jointDifferenceSe", r.JointDifferenceSe);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Arm(Utf8JsonWriter w, string name, SpiralArm a)
    {
        w.WriteStartObject(name);
        w.WriteNumber("gamma", a.Gamma);
        w.WriteNumber("pPriceFalls", a.PriceFalls);
        w.WriteNumber("pHashrateFalls", a.HashrateFalls);
        w.WriteNumber("pJoint", a.Joint);
        w.WriteNumber("pJointSe", a.JointSe);
        w.WriteEndObject();
    }

    private static string[] Row(string name, SpiralArm a) => [name, Num(a.Gamma), Pct(a.PriceFalls), Pct(a.HashrateFalls), Pct(a.Joint), Pct(a.JointSe)];

    private static string Pct(double p) => (p * 100).ToString("0.00", Inv) + "%";

    private static string Signed(double p) => (p >= 0 ? "+" : string.Empty) + Pct(p);

    private static string Num(double v) => v.ToString("R", Inv);
}
