namespace MinerSim.Market;

/// <summary>
/// The article's back-of-the-envelope sell pressure (MODEL.md section 8): daily issuance
/// <c>F = blocksPerDay * subsidy</c>, and for each case <c>saleShare * F + inventoryShare * I / days</c>
/// BTC a day, set against ETF inflow days.
/// </summary>
public sealed class ClosedFormStressTable
{
    private ClosedFormStressTable(ClosedFormStressInputs inputs, double daily, IReadOnlyList<StressCase> cases)
    {
        Inputs = inputs;
        DailyIssuance = daily;
        MonthlyIssuance = daily * inputs.MonthDays;
        Cases = cases;
    }

    /// <summary>The inputs the table was computed from.</summary>
    public ClosedFormStressInputs Inputs { get; }

    /// <summary>Daily issuance <c>F</c>, BTC (450 by default).</summary>
    public double DailyIssuance { get; }

    /// <summary>Issuance of a month of <see cref="ClosedFormStressInputs.MonthDays"/> days, BTC (13,500 by default).</summary>
    public double MonthlyIssuance { get; }

    /// <summary>The base, conservative and severe cases, in that order.</summary>
    public IReadOnlyList<StressCase> Cases { get; }

    /// <summary>Computes the table.</summary>
    /// <param name="inputs">Validated inputs: shares in [0, 1], days and ETF days above 0.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A liquidation has a positive share but no positive number of days, or an ETF day is not positive.</exception>
    public static ClosedFormStressTable Compute(ClosedFormStressInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        foreach (double etf in inputs.EtfDays)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(etf, nameof(inputs.EtfDays));
        }

        double daily = inputs.BlocksPerDay * inputs.Subsidy;
        StressCase[] cases =
        [
            Case("base", inputs, daily, inputs.BaseSaleShare, 0, 0),
            Case("conservative", inputs, daily, inputs.ConservativeSaleShare, inputs.ConservativeInventoryShare, inputs.ConservativeDays),
            Case("severe", inputs, daily, inputs.SevereSaleShare, inputs.SevereInventoryShare, inputs.SevereDays),
        ];
        return new ClosedFormStressTable(inputs, daily, cases);
    }

    private static StressCase Case(string name, ClosedFormStressInputs inputs, double daily, double saleShare, double inventoryShare, double days)
    {
        double fromInventory = 0;
        if (inventoryShare != 0)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days, name + " days");
            fromInventory = inventoryShare * inputs.Inventory / days;
        }

        double perDay = saleShare * daily + fromInventory;
        var shares = inputs.EtfDays.Select(etf => perDay / etf).ToArray();
        return new StressCase(name, saleShare, inventoryShare, days, perDay, shares);
    }
}
