namespace Luohu.Hub.Sdk.Families;

/// <summary>Attributes of a detected person (used, for example, to lengthen a crossing).</summary>
/// <param name="Elderly">Appears elderly.</param>
/// <param name="Wheelchair">Uses a wheelchair.</param>
/// <param name="Child">Appears to be a child.</param>
/// <param name="WalkingAid">Uses a cane, crutches or a walker.</param>
public sealed record PersonAttributes(bool Elderly, bool Wheelchair, bool Child, bool WalkingAid);
