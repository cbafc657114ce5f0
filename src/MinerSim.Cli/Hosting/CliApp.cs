using CommandLine;
using CommandLine.Text;
using MinerSim.Scenarios;

namespace MinerSim.Cli.Hosting;

/// <summary>
/// Parses the command line, runs the verb and maps every failure to one line on stderr and an exit
/// code: 2 for usage errors, 1 for input and runtime errors, 0 for <c>--help</c> and <c>--version</c>.
/// </summary>
internal static class CliApp
{
    public static int Run(string[] args, CliContext context)
    {
        if (MissingValue(args) is { } missing)
        {
            context.Error.WriteLine($"minersim: {missing}: missing value; try 'minersim {args[0]} --help'");
            return ExitCodes.Usage;
        }

        using var parser = new Parser(s =>
        {
            s.HelpWriter = null;
            s.CaseInsensitiveEnumValues = true;
            s.AutoHelp = true;
            s.AutoVersion = true;
        });
        var result = parser.ParseArguments(args, VerbCatalog.Types);
        return result.MapResult(
            verb => Execute((IVerb)verb, context),
            errors => ReportParseErrors(result, errors.ToList(), args, context));
    }

    private static int Execute(IVerb verb, CliContext context)
    {
        try
        {
            return verb.Execute(context);
        }
        catch (UsageException e)
        {
            context.Error.WriteLine($"minersim: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (ScenarioException e)
        {
            context.Error.WriteLine($"minersim: {e.Message}");
            return ExitCodes.Error;
        }
        catch (OperationCanceledException)
        {
            context.Error.WriteLine("minersim: interrupted");
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            context.Error.WriteLine($"minersim: {e.Message}");
            return ExitCodes.Error;
        }
        catch (Exception e)
        {
            // A bug, not bad input: still one line for the user; the trace on request.
            context.Error.WriteLine($"minersim: internal error: {e.GetType().Name}: {e.Message} (set MINERSIM_TRACE=1 for details)");
            if (Environment.GetEnvironmentVariable("MINERSIM_TRACE") == "1") context.Error.WriteLine(e);
            return ExitCodes.Error;
        }
    }

    /// <summary>
    /// The first value-taking option given without a value (last on the line, or followed by
    /// another option), which CommandLineParser would otherwise bind to null and ignore.
    /// </summary>
    internal static string? MissingValue(string[] args)
    {
        if (args.Length == 0) return null;
        var verb = VerbCatalog.Types.FirstOrDefault(t =>
            t.GetCustomAttributes(typeof(VerbAttribute), false).OfType<VerbAttribute>().Any(v => v.Name == args[0]));
        if (verb is null) return null;
        var takesValue = verb.GetProperties()
            .Select(p => (Property: p, Option: p.GetCustomAttributes(typeof(OptionAttribute), false).OfType<OptionAttribute>().FirstOrDefault()))
            .Where(x => x.Option is { LongName.Length: > 0 } && x.Property.PropertyType != typeof(bool))
            .Select(x => "--" + x.Option!.LongName)
            .ToHashSet(StringComparer.Ordinal);
        for (int i = 1; i < args.Length; i++)
        {
            if (takesValue.Contains(args[i]) && (i + 1 == args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal)))
            {
                return args[i];
            }
        }

        return null;
    }

    private static int ReportParseErrors(ParserResult<object> result, List<Error> errors, string[] args, CliContext context)
    {
        if (errors.IsVersion())
        {
            context.Out.WriteLine($"minersim {EngineInfo.Version}");
            return ExitCodes.Ok;
        }

        if (errors.IsHelp())
        {
            var help = HelpText.AutoBuild(result, h =>
            {
                h.Heading = $"minersim {EngineInfo.Version}";
                h.Copyright = "Monte Carlo model of Bitcoin miner sell pressure (see README.md)";
                h.AdditionalNewLineAfterOption = false;
                h.AddDashesToOption = true;
                h.MaximumDisplayWidth = 100;
                return h;
            }, e => e, verbsIndex: errors.Any(e => e is NoVerbSelectedError or BadVerbSelectedError) || result.TypeInfo.Current == typeof(NullInstance));
            context.Out.WriteLine(help);
            return ExitCodes.Ok;
        }

        var builder = SentenceBuilder.Create();
        var first = errors.First();
        string message = first switch
        {
            NoVerbSelectedError => "no verb given; try 'minersim --help'",
            BadVerbSelectedError b => $"unknown verb '{b.Token}'; try 'minersim --help'",
            BadFormatConversionError b when BadValue(result.TypeInfo.Current, b.NameInfo.LongName, args) is { } bad => $"{bad}; try 'minersim {VerbName(result)}--help'",
            _ => builder.FormatError(first).TrimEnd('.') + "; try 'minersim " + VerbName(result) + "--help'",
        };
        context.Error.WriteLine($"minersim: {message}");
        return ExitCodes.Usage;
    }

    /// <summary>
    /// "--name: 'value' is not ..." for an option value CommandLineParser could not convert (its own message,
    /// "Option 'seed' is defined with a bad format", names neither the value nor what is allowed).
    /// </summary>
    internal static string? BadValue(Type verb, string longName, string[] args)
    {
        var property = verb.GetProperties().FirstOrDefault(p =>
            p.GetCustomAttributes(typeof(OptionAttribute), false).OfType<OptionAttribute>().Any(o => o.LongName == longName));
        if (property is null) return null;
        string option = "--" + longName;
        string? value = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == option && i + 1 < args.Length) value = args[i + 1];
            else if (args[i].StartsWith(option + "=", StringComparison.Ordinal)) value = args[i][(option.Length + 1)..];
        }

        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        string? allowed = type switch
        {
            _ when type == typeof(ulong) => $"a whole number from 0 to {ulong.MaxValue}",
            _ when type == typeof(uint) => $"a whole number from 0 to {uint.MaxValue}",
            // Signed options have narrower ranges, which the verb checks and names once the value parses.
            _ when type == typeof(long) || type == typeof(int) => "a whole number",
            _ when type == typeof(double) => "a number",
            _ when type.IsEnum => "one of " + string.Join(", ", Enum.GetNames(type).Select(n => n.ToLowerInvariant())),
            _ => null,
        };
        return allowed is null || value is null ? null : $"{option}: '{value}' is not {allowed}";
    }

    private static string VerbName(ParserResult<object> result)
    {
        var attr = result.TypeInfo.Current.GetCustomAttributes(typeof(VerbAttribute), false).OfType<VerbAttribute>().FirstOrDefault();
        return attr is null ? string.Empty : attr.Name + " ";
    }
}
