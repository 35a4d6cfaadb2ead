namespace Luohu.Hub.Runtime.Flows.Engine;

/// <summary>A catch node limited to some node ids.</summary>
internal interface ICatchScope
{
    IReadOnlySet<string> Scope { get; }
}
