namespace Luohu.Hub.Sdk.Families;

/// <summary>Asks for an intersection's state.</summary>
/// <param name="IntersectionId">The intersection id.</param>
public sealed record IntersectionStateRequest(string IntersectionId);
