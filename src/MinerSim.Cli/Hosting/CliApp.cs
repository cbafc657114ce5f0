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
            errors => ReportParseErrors(result, errors.ToList(), context));
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
    }

    private static int ReportParseErrors(ParserResult<object> result, List<Error> errors, CliContext context)
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
            _ => builder.FormatError(first).TrimEnd('.') + "; try 'minersim " + VerbName(result) + "--help'",
        };
        context.Error.WriteLine($"minersim: {message}");
        return ExitCodes.Usage;
    }

    private static string VerbName(ParserResult<object> result)
    {
        var attr = result.TypeInfo.Current.GetCustomAttributes(typeof(VerbAttribute), false).OfType<VerbAttribute>().FirstOrDefault();
        return attr is null ? string.Empty : attr.Name + " ";
    }
}
