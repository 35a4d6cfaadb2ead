namespace Luohu.Hub.Runtime.Security;

/// <summary>A district department: it owns flows and dashboards and is what grants are given to.</summary>
internal sealed record Department(string Id, string NameZh, string NameEn);
