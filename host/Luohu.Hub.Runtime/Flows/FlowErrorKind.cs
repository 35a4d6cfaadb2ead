namespace Luohu.Hub.Runtime.Flows;

internal enum FlowErrorKind
{
    /// <summary>404.</summary>
    NotFound,

    /// <summary>The flow (or the request) is invalid; <see cref="FlowException.Problems"/> lists every problem (400).</summary>
    Invalid,

    /// <summary>Conflicts with the current state, e.g. another department's flow id (409).</summary>
    Conflict,
}
