using System.Text.Json;

namespace Luohu.Hub.Runtime.Capabilities;

/// <summary>
/// The running comparison of one capability's serving vendor against its shadow: each side's calls, failures and
/// latency, and how often both answered and agreed (<see cref="AnswerAgreement"/>).
/// </summary>
internal sealed class ShadowComparison(string capability, string serving, string shadow, DateTimeOffset since)
{
    private long _compared;
    private long _agreed;
    private long _skipped;

    public string Capability { get; } = capability;

    public DateTimeOffset Since { get; } = since;

    public VendorLatencies Serving { get; } = new(serving);

    public VendorLatencies Shadow { get; } = new(shadow);

    /// <summary>Both answered: counts the pair and whether they agree.</summary>
    public void Compare(JsonElement served, JsonElement shadowed)
    {
        Interlocked.Increment(ref _compared);
        if (AnswerAgreement.Agree(Capability, served, shadowed))
        {
            Interlocked.Increment(ref _agreed);
        }
    }

    /// <summary>A shadow call not made because too many were already in flight (the serving path never waits for the shadow).</summary>
    public void Skip() => Interlocked.Increment(ref _skipped);

    public ShadowView View()
    {
        var compared = Interlocked.Read(ref _compared);
        var agreed = Interlocked.Read(ref _agreed);
        return new ShadowView(Capability, Since, Serving.View(), Shadow.View(), compared, agreed,
            compared == 0 ? null : Math.Round(agreed / (double)compared, 4), Interlocked.Read(ref _skipped), AnswerAgreement.Describe(Capability));
    }
}
