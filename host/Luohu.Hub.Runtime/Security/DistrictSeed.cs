namespace Luohu.Hub.Runtime.Security;

/// <summary>The district's departments and the sample grants of the issue's examples, created at first start.</summary>
internal static class DistrictSeed
{
    public static IReadOnlyList<Department> Departments { get; } =
    [
        new("traffic", "交通运输局", "Transport Bureau"),
        new("police", "公安分局", "Public Security Sub-bureau"),
        new("education", "教育局", "Education Bureau"),
        new("health", "卫生健康局", "Health Commission"),
        new("water", "水务局", "Water Affairs Bureau"),
        new("urban", "城市管理局", "Urban Management Bureau"),
        new("ops", "运维中心", "Operations Centre"),
        new("emergency", "应急管理局", "Emergency Management Bureau"),
        new("market", "市场监督管理局", "Market Supervision Administration"),
    ];

    /// <summary>The departments a citizen complaint (12345) can be routed to; each reads its own queue.</summary>
    public static IReadOnlyList<string> ComplaintDepartments { get; } = ["urban", "traffic", "police", "education", "health", "water", "emergency", "market"];

    public static IReadOnlyList<Grant> Grants(DateTimeOffset now) =>
    [
        // The police see every camera and may run face matching.
        Capability("police", "camera.*", now), Capability("police", "ai.match-face", now), Stream("police", "cameras/#", now),

        // The traffic police keep honking evidence on their own topic (the honking-enforcement flow).
        Stream("police", "evidence/police/#", now),

        // The education bureau sees only the school-gate cameras.
        Capability("education", "camera.*", now, "school-gates"), Stream("education", "cameras/school-gates/#", now),

        // "Treat first, pay later": the health commission may assess and settle credit; nobody else is given credit.*.
        Capability("health", "credit.*", now),

        // The water bureau runs the flood warning and tells the emergency management bureau on district/water/#.
        Capability("water", "sensor.*", now), Capability("water", "water.*", now), Stream("water", "sensors/water/#", now), Stream("water", "district/water/#", now),

        Capability("traffic", "parking.*", now), Capability("traffic", "sensor.*", now), Capability("traffic", "signal.*", now),
        Stream("traffic", "sensors/parking/#", now), Stream("traffic", "signals/#", now), Stream("traffic", "district/parking/#", now),

        // Longer green for the elderly watches the hospital crossings; it and the fire-engine green wave report on district/traffic/#.
        Stream("traffic", "cameras/hospital-crossings/#", now), Stream("traffic", "district/traffic/#", now),

        // The 12345 hotline flow is the urban management bureau's: it classifies and routes to every department's queue.
        Capability("urban", "sensor.*", now), Capability("urban", "ai.classify-complaint", now), Stream("urban", "sensors/#", now),
        Stream("urban", "complaints/#", now),

        Stream("ops", "hub/#", now),
        Capability("emergency", "sensor.*", now), Capability("emergency", "camera.*", now), Stream("emergency", "sensors/#", now),
        Stream("emergency", "district/water/#", now),
    ];

    /// <summary>Every grant: the table above and each complaint department's own queue (read it, acknowledge on it).</summary>
    public static IReadOnlyList<Grant> All(DateTimeOffset now) =>
        [.. Grants(now), .. ComplaintDepartments.Where(d => d != "urban").Select(d => Stream(d, $"complaints/{d}/#", now))];

    private static Grant Capability(string department, string target, DateTimeOffset now, params string[] deviceGroups) =>
        new() { Id = $"seed-{department}-{target}", Department = department, Kind = GrantKind.Capability, Target = target, DeviceGroups = deviceGroups, CreatedAt = now };

    private static Grant Stream(string department, string target, DateTimeOffset now) =>
        new() { Id = $"seed-{department}-stream-{target}", Department = department, Kind = GrantKind.Stream, Target = target, CreatedAt = now };
}
