namespace Luohu.Hub.Designer.Views;

/// <summary>A flow's state as the Flows page shows it.</summary>
internal enum FlowRowState
{
    /// <summary>Saved, never deployed.</summary>
    Draft,

    /// <summary>A version runs.</summary>
    Deployed,

    /// <summary>The deployed version failed to start.</summary>
    Error,
}
