using System.Globalization;
using System.Text;
using MinerSim.Cli.Output;
using System.Text.Json;
using MinerSim.Market;

namespace MinerSim.Cli.Verbs;

/// <summary>Renders a <see cref="ClosedFormStressTable"/> as an aligned table, CSV or JSON.</summary>
internal static class StressTableText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Human-readable table: one decimal for BTC a day and percentages, thousands separators.</summary>
    public static string Table(ClosedFormStressTable t)
    {
        var i = t.Inputs;
        var sb = new StringBuilder();
        sb.AppendLine(Inv, $"daily issuance    {Amount(t.DailyIssuance)} BTC ({Amount(i.BlocksPerDay)} blocks x {Amount(i.Subsidy)} BTC)");
        sb.AppendLine(Inv, $"monthly issuance  {Amount(t.MonthlyIssuance)} BTC ({Amount(i.MonthDays)} days)");
        sb.AppendLine(Inv, $"miner inventory   {Amount(i.Inventory)} BTC");
        sb.AppendLine();

        var header = new List<string> { "case", "rule", "BTC/day" };
        header.AddRange(i.EtfDays.Select(e => "% of " + Amount(e)));
        var rows = t.Cases.Select(c =>
        {
            var row = new List<string> { c.Name, Rule(c), OneDecimal(c.BtcPerDay) };
            row.AddRange(c.EtfShares.Select(s => OneDecimal(s * 100) + "%"));
            return row;
        }).ToList();

        // Text columns (case, rule) left-aligned; numbers right-aligned.
        TextTable.Append(sb, header, rows, textColumns: 2);

        return sb.ToString();
    }

    /// <summary>One row per case, full precision, shares as fractions.</summary>
    public static string Csv(ClosedFormStressTable t)
    {
        var sb = new StringBuilder();
        sb.Append("case,sale_share,inventory_share,inventory_days,btc_per_day");
        foreach (double e in t.Inputs.EtfDays)
        {
            sb.Append(",etf_share_").Append(Num(e));
        }

        // The closed-form inputs every case shares, repeated per row so each row stands alone.
        sb.Append(",daily_issuance,monthly_issuance,inventory\n");
        foreach (var c in t.Cases)
        {
            sb.Append(c.Name).Append(',').Append(Num(c.SaleShare)).Append(',').Append(Num(c.InventoryShare))
              .Append(',').Append(Num(c.InventoryDays)).Append(',').Append(Num(c.BtcPerDay));
            foreach (double s in c.EtfShares)
            {
                sb.Append(',').Append(Num(s));
            }

            sb.Append(',').Append(Num(t.DailyIssuance)).Append(',').Append(Num(t.MonthlyIssuance)).Append(',').Append(Num(t.Inputs.Inventory));

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Inputs and results, full precision (camelCase names, as the scenario files use).</summary>
    public static string Json(ClosedFormStressTable t)
    {
        var i = t.Inputs;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartObject("inputs");
            w.WriteNumber("subsidy", i.Subsidy);
            w.WriteNumber("blocksPerDay", i.BlocksPerDay);
            w.WriteNumber("inventory", i.Inventory);
            w.WriteNumber("monthDays", i.MonthDays);
            WriteArray(w, "etfDays", i.EtfDays);
            w.WriteEndObject();
            w.WriteNumber("dailyIssuance", t.DailyIssuance);
            w.WriteNumber("monthlyIssuance", t.MonthlyIssuance);
            w.WriteStartArray("cases");
            foreach (var c in t.Cases)
            {
                w.WriteStartObject();
                w.WriteString("name", c.Name);
                w.WriteNumber("saleShare", c.SaleShare);
                w.WriteNumber("inventoryShare", c.InventoryShare);
                w.WriteNumber("inventoryDays", c.InventoryDays);
                w.WriteNumber("btcPerDay", c.BtcPerDay);
                WriteArray(w, "etfShares", c.EtfShares);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteArray(Utf8JsonWriter w, string name, IReadOnlyList<double> values)
    {
        w.WriteStartArray(name);
        foreach (double v in values)
        {
            w.WriteNumberValue(v);
        }

        w.WriteEndArray();
    }

    private static string Rule(StressCase c)
    {
        string rule = $"sell {Percent(c.SaleShare)} of issuance";
        return c.InventoryShare == 0 ? rule : rule + $" + {Percent(c.InventoryShare)} of inventory over {Amount(c.InventoryDays)} days";
    }

    /// <summary>One decimal, halves rounded up, after dropping binary noise (0.0225 * 100 is 2.2499999999999996): 2.25 shows as 2.3.</summary>
    private static string OneDecimal(double v) =>
        Math.Round(Math.Round(v, 9), 1, MidpointRounding.AwayFromZero).ToString("N1", Inv);

    private static string Amount(double v) => v.ToString("#,##0.####", Inv);

    private static string Percent(double share) => (share * 100).ToString("0.##", Inv) + "%";

    private static string Num(double v) => v.ToString("R", Inv);
}
