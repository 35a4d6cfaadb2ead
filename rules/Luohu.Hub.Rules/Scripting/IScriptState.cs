using System.Text.Json.Nodes;

namespace Luohu.Hub.Rules.Scripting;

/// <summary>
/// Node or flow state a script reads and writes through <c>ctx.get(key)</c> and <c>ctx.set(key, value)</c>.
/// Called on the evaluating thread while the script runs, so implementations must be quick and must not block.
/// </summary>
public interface IScriptState
{
    /// <summary>The value stored under <paramref name="key"/>, or <see langword="null"/> when there is none.</summary>
    JsonNode? GetValue(string key);

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/>; <see langword="null"/> removes it.</summary>
    void SetValue(string key, JsonNode? value);
}
