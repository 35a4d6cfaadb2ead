namespace Luohu.Hub.Sdk.Families;

/// <summary>A citizen complaint to classify.</summary>
/// <param name="Text">The complaint as written.</param>
/// <param name="Language">BCP 47 tag, e.g. <c>zh-Hans</c>; null to detect.</param>
public sealed record ComplaintClassificationRequest(string Text, string? Language = null);
