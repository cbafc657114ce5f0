using System.Globalization;
using CommandLine;
using CommandLine.Text;
using MinerSim.Cli.Hosting;
using MinerSim.Market;

namespace MinerSim.Cli.Verbs;

/// <summary><c>minersim scenarios</c>: the article's closed-form stress table (MODEL.md section 8).</summary>
[Verb("scenarios", HelpText = "The article's closed-form sell-pressure table: issuance, base/conservative/severe cases, share of ETF inflow days.")]
internal sealed class ScenariosVerb : IVerb
{
    [Option("subsidy", HelpText = "Block subsidy, BTC, in [0, 50]. Default 3.125.")]
    public double? Subsidy { get; set; }

    [Option("blocks-per-day", HelpText = "Blocks a day, in (0, 100000]. Default 144.")]
    public double? BlocksPerDay { get; set; }

    [Option("inventory", HelpText = "Miner inventory, BTC, in [0, 21000000]. Default 50000.")]
    public double? Inventory { get; set; }

    [Option("month-days", HelpText = "Days in a month, in (0, 366]. Default 30.")]
    public double? MonthDays { get; set; }

    [Option("base-sale-share", HelpText = "Base case: share of issuance sold, in [0, 1]. Default 0.5.")]
    public double? BaseSaleShare { get; set; }

    [Option("conservative-sale-share", HelpText = "Conservative stress: share of issuance sold, in [0, 1]. Default 1.")]
    public double? ConservativeSaleShare { get; set; }

    [Option("conservative-inventory-share", HelpText = "Conservative stress: share of inventory liquidated, in [0, 1]. Default 0.1.")]
    public double? ConservativeInventoryShare { get; set; }

    [Option("conservative-days", HelpText = "Conservative stress: days to liquidate it, in (0, 3650]. Default 60.")]
    public double? ConservativeDays { get; set; }

    [Option("severe-sale-share", HelpText = "Severe stress: share of issuance sold, in [0, 1]. Default 1.")]
    public double? SevereSaleShare { get; set; }

    [Option("severe-inventory-share", HelpText = "Severe stress: share of inventory liquidated, in [0, 1]. Default 0.3.")]
    public double? SevereInventoryShare { get; set; }

    [Option("severe-days", HelpText = "Severe stress: days to liquidate it, in (0, 3650]. Default 90.")]
    public double? SevereDays { get; set; }

    [Option("etf-days", HelpText = "ETF inflow days to compare with, BTC, comma-separated, each above 0. Default 5000,10000.")]
    public string? EtfDays { get; set; }

    [Option("format", HelpText = "Output format: table, csv or json. Default table.")]
    public string? Format { get; set; }

    [Usage(ApplicationAlias = "minersim")]
    public static IEnumerable<Example> Examples =>
    [
        new("The article's table", new ScenariosVerb()),
        new("After the 2028 halving, as CSV", new ScenariosVerb { Subsidy = 1.5625, Format = "csv" }),
        new("A harsher severe case against 2,000 and 5,000 BTC ETF days", new ScenariosVerb { SevereInventoryShare = 0.5, SevereDays = 60, EtfDays = "2000,5000" }),
    ];

    public int Execute(CliContext context)
    {
        string format = (Format ?? "table").ToLowerInvariant();
        if (format is not ("table" or "csv" or "json"))
        {
            throw new UsageException($"--format: '{Format}' is not one of table, csv, json");
        }

        var table = ClosedFormStressTable.Compute(ToInputs());
        string text = format switch
        {
            "csv" => StressTableText.Csv(table),
            "json" => StressTableText.Json(table),
            _ => StressTableText.Table(table),
        };
        context.Out.Write(text);
        return ExitCodes.Ok;
    }

    /// <summary>Maps the options to validated engine inputs; unset options keep the article's values.</summary>
    internal ClosedFormStressInputs ToInputs()
    {
        var d = new ClosedFormStressInputs();
        return new ClosedFormStressInputs
        {
            Subsidy = OptionChecks.InRange("--subsidy", Subsidy ?? d.Subsidy, 0, 50),
            BlocksPerDay = OptionChecks.InRange("--blocks-per-day", BlocksPerDay ?? d.BlocksPerDay, 0, 100_000, loExclusive: true),
            Inventory = OptionChecks.InRange("--inventory", Inventory ?? d.Inventory, 0, 21_000_000),
            MonthDays = OptionChecks.InRange("--month-days", MonthDays ?? d.MonthDays, 0, 366, loExclusive: true),
            BaseSaleShare = Share("--base-sale-share", BaseSaleShare ?? d.BaseSaleShare),
            ConservativeSaleShare = Share("--conservative-sale-share", ConservativeSaleShare ?? d.ConservativeSaleShare),
            ConservativeInventoryShare = Share("--conservative-inventory-share", ConservativeInventoryShare ?? d.ConservativeInventoryShare),
            ConservativeDays = Days("--conservative-days", ConservativeDays ?? d.ConservativeDays),
            SevereSaleShare = Share("--severe-sale-share", SevereSaleShare ?? d.SevereSaleShare),
            SevereInventoryShare = Share("--severe-inventory-share", SevereInventoryShare ?? d.SevereInventoryShare),
            SevereDays = Days("--severe-days", SevereDays ?? d.SevereDays),
            EtfDays = EtfDays is null ? d.EtfDays : ParseEtfDays(EtfDays),
        };
    }

    private static double Share(string option, double value) => OptionChecks.InRange(option, value, 0, 1);

    private static double Days(string option, double value) => OptionChecks.InRange(option, value, 0, 3650, loExclusive: true);

    private static double[] ParseEtfDays(string text)
    {
        string[] parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length > 10)
        {
            throw new UsageException($"--etf-days: {parts.Length} values given; at most 10 are allowed");
        }

        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
            {
                throw new UsageException($"--etf-days: '{parts[i]}' is not a number; give BTC amounts separated by commas, e.g. 5000,10000");
            }

            OptionChecks.InRange("--etf-days", values[i], 0, 1e9, loExclusive: true);
        }

        return values;
    }
}
