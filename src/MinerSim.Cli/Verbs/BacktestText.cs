using System.Globalization;
using System.Text;
using MinerSim.Backtests;
using MinerSim.Cli.Output;

namespace MinerSim.Cli.Verbs;

/// <summary>The backtest's figures as console text and CSV.</summary>
internal static class BacktestText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>One origin: the model's and the baselines' errors and the band's coverage.</summary>
    public static string One(BacktestResult r, DateOnly fitEnd)
    {
        var sb = new StringBuilder();
        string sample = r.From < fitEnd ? $"origin before the fit end {fitEnd:yyyy-MM-dd}" : $"out of sample: from the fit end {fitEnd:yyyy-MM-dd} on";
        sb.Append(Inv, $"{r.Scenario.Name}: {r.Rows.Count} real retargets {r.From:yyyy-MM-dd} .. {r.To:yyyy-MM-dd} ({sample}), {r.Paths:N0} paths\n");
        TextTable.Append(sb, ["forecast", "median |ln(f/real)|", "max |ln(f/real)|", "real in 5-95% band"],
        [
            ["model (simulated median)", F(r.Model.Median), F(r.Model.Max), P(r.Coverage)],
            ["baseline: difficulty as at origin", F(r.Persistence.Median), F(r.Persistence.Max), ""],
            ["baseline: constant hashprice", F(r.ConstantHashprice.Median), F(r.ConstantHashprice.Max), ""],
        ]);
        sb.Append(r.BeatsBaselines ? "the model beats both baselines\n" : "the model does not beat both baselines\n");
        return sb.ToString();
    }

    /// <summary>Rolling origins: one line each, then the in-sample, out-of-sample and overall figures.</summary>
    public static string Rolling(RollingBacktest rolling, string scenarioName)
    {
        var sb = new StringBuilder();
        sb.Append(Inv, $"{scenarioName}: {rolling.Results.Count} origins; fit end {rolling.FitEnd:yyyy-MM-dd} (origins from it on are out of sample)\n");
        TextTable.Append(sb, ["origin", "sample", "retargets", "model", "max", "in band", "as-at-origin", "const-hashprice", "beats both"],
            [.. rolling.Results.Select(r => (IReadOnlyList<string>)
            [
                r.From.ToString("yyyy-MM-dd", Inv), r.From < rolling.FitEnd ? "before" : "out", r.Rows.Count.ToString(Inv),
                F(r.Model.Median), F(r.Model.Max), P(r.Coverage), F(r.Persistence.Median), F(r.ConstantHashprice.Median), r.BeatsBaselines ? "yes" : "no",
            ])], textColumns: 2);
        sb.Append("(columns model .. const-hashprice: median |ln(forecast / real difficulty)| over the origin's retargets)\n");
        TextTable.Append(sb, ["origins", "n", "median of medians", "worst", "in band", "as-at-origin", "const-hashprice", "beats both"],
        [
            Summary("before fit end", rolling.BeforeFitEnd),
            Summary("out of sample", rolling.OutOfSample),
            Summary("all", rolling.All),
        ]);
        return sb.ToString();
    }

    /// <summary><c>backtest.csv</c>: one row per real retarget.</summary>
    public static string RowsCsv(BacktestResult r)
    {
        var sb = new StringBuilder("height,date,difficulty_real,difficulty_p5,difficulty_p50,difficulty_p95\n");
        foreach (var x in r.Rows)
        {
            sb.Append(Inv, $"{x.Height},{x.Date:yyyy-MM-dd},{x.Real:R},{x.P5:R},{x.P50:R},{x.P95:R}\n");
        }

        return sb.ToString();
    }

    /// <summary><c>baselines.csv</c>: the two baselines at each real retarget.</summary>
    public static string BaselinesCsv(BacktestResult r)
    {
        var sb = new StringBuilder("height,date,difficulty_real,difficulty_as_at_origin,difficulty_constant_hashprice\n");
        foreach (var x in r.Rows)
        {
            sb.Append(Inv, $"{x.Height},{x.Date:yyyy-MM-dd},{x.Real:R},{x.Persistence:R},{x.ConstantHashprice:R}\n");
        }

        return sb.ToString();
    }

    /// <summary><c>figures.csv</c>: each forecast's median and largest |ln(forecast / real)| and the band's coverage.</summary>
    public static string FiguresCsv(BacktestResult r)
    {
        var sb = new StringBuilder("forecast,median_abs_log_error,max_abs_log_error,coverage_5_95\n");
        sb.Append(Inv, $"model,{r.Model.Median:R},{r.Model.Max:R},{r.Coverage:R}\n");
        sb.Append(Inv, $"as_at_origin,{r.Persistence.Median:R},{r.Persistence.Max:R},\n");
        sb.Append(Inv, $"constant_hashprice,{r.ConstantHashprice.Median:R},{r.ConstantHashprice.Max:R},\n");
        return sb.ToString();
    }

    /// <summary><c>rolling.csv</c>: one row per origin.</summary>
    public static string RollingCsv(RollingBacktest rolling)
    {
        var sb = new StringBuilder("origin,to,out_of_sample,retargets,model_median,model_max,coverage_5_95,as_at_origin_median,constant_hashprice_median,beats_both\n");
        foreach (var r in rolling.Results)
        {
            sb.Append(Inv, $"{r.From:yyyy-MM-dd},{r.To:yyyy-MM-dd},{(r.From >= rolling.FitEnd ? 1 : 0)},{r.Rows.Count},{r.Model.Median:R},{r.Model.Max:R},{r.Coverage:R},{r.Persistence.Median:R},{r.ConstantHashprice.Median:R},{(r.BeatsBaselines ? 1 : 0)}\n");
        }

        return sb.ToString();
    }

    /// <summary><c>summary.csv</c>: the rolling figures of the origins before the fit end, out of sample and overall.</summary>
    public static string SummaryCsv(RollingBacktest rolling)
    {
        var sb = new StringBuilder("origins,n,model_median_of_medians,model_worst,coverage_5_95,as_at_origin_median_of_medians,constant_hashprice_median_of_medians,beats_both\n");
        foreach (var (name, s) in new[] { ("before_fit_end", rolling.BeforeFitEnd), ("out_of_sample", rolling.OutOfSample), ("all", rolling.All) })
        {
            sb.Append(Inv, $"{name},{s.Origins},{s.Model:R},{s.WorstError:R},{s.Coverage:R},{s.Persistence:R},{s.ConstantHashprice:R},{s.BeatsBoth}\n");
        }

        return sb.ToString();
    }

    private static IReadOnlyList<string> Summary(string name, RollingSummary s) =>
        [name, s.Origins.ToString(Inv), F(s.Model), F(s.WorstError), P(s.Coverage), F(s.Persistence), F(s.ConstantHashprice), $"{s.BeatsBoth} of {s.Origins}"];

    private static string F(double x) => double.IsFinite(x) ? x.ToString("F3", Inv) : "-";

    private static string P(double x) => double.IsFinite(x) ? (100 * x).ToString("F0", Inv) + "%" : "-";
}
