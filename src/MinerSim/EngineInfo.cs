using System.Reflection;

namespace MinerSim;

/// <summary>Version facts about the engine, written into every manifest.</summary>
public static class EngineInfo
{
    /// <summary>Engine version (assembly informational version without build metadata).</summary>
    public static string Version { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var v = typeof(EngineInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        int plus = v.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? v : v[..plus];
    }
}
