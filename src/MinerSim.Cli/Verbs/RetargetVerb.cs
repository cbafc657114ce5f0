using System.Globalization;
using CommandLine;
using CommandLine.Text;
using MinerSim.Cli.Hosting;
using MinerSim.Network;

namespace MinerSim.Cli.Verbs;

/// <summary>
/// <c>minersim retarget</c>: Bitcoin's difficulty adjustment, either bit-exact on compact targets
/// (Bitcoin Core <c>CalculateNextWorkRequired</c>) or on a difficulty number.
/// </summary>
[Verb("retarget", HelpText = "Next target after a 2016-block epoch (bit-exact with Bitcoin Core), or next difficulty from a timespan.")]
internal sealed class RetargetVerb : IVerb
{
    [Option("bits", HelpText = "nBits of the epoch's last block, hex (e.g. 0x1d00ffff). Needs --first-time and --last-time.")]
    public string? Bits { get; set; }

    [Option("first-time", HelpText = "Timestamp of the epoch's first block, unix seconds.")]
    public long? FirstTime { get; set; }

    [Option("last-time", HelpText = "Timestamp of the epoch's last block, unix seconds.")]
    public long? LastTime { get; set; }

    [Option("difficulty", HelpText = "Current difficulty (a number above 0). Needs --timespan.")]
    public double? Difficulty { get; set; }

    [Option("timespan", HelpText = "Seconds the epoch took; clamped to [302400, 4838400] as Bitcoin Core does.")]
    public double? Timespan { get; set; }

    [Usage(ApplicationAlias = "minersim")]
    public static IEnumerable<Example> Examples =>
    [
        new("First mainnet difficulty change (block 32256)", new RetargetVerb { Bits = "0x1d00ffff", FirstTime = 1261130161, LastTime = 1262152739 }),
        new("Difficulty after an epoch that took 16 days", new RetargetVerb { Difficulty = 150e12, Timespan = 1_382_400 }),
    ];

    public int Execute(CliContext context)
    {
        bool targetMode = Bits is not null || FirstTime is not null || LastTime is not null;
        bool difficultyMode = Difficulty is not null || Timespan is not null;
        if (targetMode && difficultyMode)
        {
            throw new UsageException("give either --bits, --first-time and --last-time, or --difficulty and --timespan, not both");
        }

        if (difficultyMode)
        {
            double d = OptionChecks.InRange("--difficulty", Difficulty ?? throw Missing("--difficulty", "--timespan"), 0, double.MaxValue, loExclusive: true);
            double s = Timespan ?? throw Missing("--timespan", "--difficulty");
            if (!double.IsFinite(s))
            {
                throw new UsageException($"--timespan: {OptionChecks.Format(s)} is not a finite number of seconds");
            }

            context.Out.WriteLine(Retarget.NextDifficulty(d, s).ToString(CultureInfo.InvariantCulture));
            return ExitCodes.Ok;
        }

        if (!targetMode)
        {
            throw new UsageException("give --bits, --first-time and --last-time, or --difficulty and --timespan; try 'minersim retarget --help'");
        }

        uint bits = ParseBits(Bits ?? throw Missing("--bits", "--first-time and --last-time"));
        long first = UnixTime("--first-time", FirstTime ?? throw Missing("--first-time", "--bits"));
        long last = UnixTime("--last-time", LastTime ?? throw Missing("--last-time", "--bits"));
        uint next = Retarget.NextWorkRequired(bits, first, last);
        context.Out.WriteLine($"0x{next:x8}");
        context.Out.WriteLine($"difficulty {Network.Difficulty.FromBits(next).ToString(CultureInfo.InvariantCulture)}");
        return ExitCodes.Ok;
    }

    /// <summary>Parses nBits given as up to 8 hex digits, with or without a 0x prefix.</summary>
    internal static uint ParseBits(string text)
    {
        string digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        if (digits.Length is 0 or > 8 || !uint.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint bits))
        {
            throw new UsageException($"--bits: '{text}' is not a compact target; give up to 8 hex digits, e.g. 0x1d00ffff");
        }

        return bits;
    }

    private static long UnixTime(string option, long value) =>
        value >= 0 ? value : throw new UsageException($"{option}: {value} is not a unix time; give seconds since 1970, at least 0");

    private static UsageException Missing(string option, string with) => new($"{option} is missing; it goes with {with}");
}
