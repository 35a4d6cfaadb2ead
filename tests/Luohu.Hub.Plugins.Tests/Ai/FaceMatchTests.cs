using Luohu.Hub.Plugins.AiPengcheng;
using Luohu.Hub.Plugins.AiWutong;
using Luohu.Hub.Sdk.Connectors;
using Luohu.Hub.Sdk.Families;

namespace Luohu.Hub.Plugins.Tests.Ai;

public sealed class FaceMatchTests
{
    private static readonly PengchengEngine Pengcheng = new(new PengchengModels(new PengchengOptions()), new PengchengOptions(), TimeProvider.System);
    private static readonly WutongEngine Wutong = new(new WutongModels(new WutongOptions()), new WutongOptions { NetworkMilliseconds = 0 }, TimeProvider.System);

    [Fact]
    public async Task ASightingOfASubject_IsMatchedToThem_WithAScore()
    {
        var result = await Wutong.MatchFaceAsync(new FaceMatchRequest("missing-persons", "face-MP-007-1"), default);
        var best = result.Matches[0];
        Assert.Equal("MP-007", best.SubjectId);
        Assert.InRange(best.Score, 0.8, 1);
    }

    [Fact]
    public async Task APasserBy_MatchesNobody_AtTheDefaultThreshold()
    {
        Assert.Empty((await Wutong.MatchFaceAsync(new FaceMatchRequest("missing-persons", "face-x42"), default)).Matches);
        Assert.Empty((await Pengcheng.MatchFaceAsync(new FaceMatchRequest("missing-persons", "face-x42"), default)).Matches);
    }

    [Fact]
    public async Task TheVendorsDiffer_TheDataCentreModelFindsMoreSubjects()
    {
        var found = new Dictionary<string, int> { ["pengcheng"] = 0, ["wutong"] = 0 };
        for (var i = 1; i <= 100; i++)
        {
            var subject = $"MP-{(i % 40) + 1:000}";
            var request = new FaceMatchRequest("missing-persons", $"face-{subject}-{i}");
            found["pengcheng"] += Best(await Pengcheng.MatchFaceAsync(request, default)) == subject ? 1 : 0;
            found["wutong"] += Best(await Wutong.MatchFaceAsync(request, default)) == subject ? 1 : 0;
        }

        Assert.True(found["wutong"] > found["pengcheng"], $"wutong {found["wutong"]}, pengcheng {found["pengcheng"]} of 100");
        Assert.True(found["wutong"] >= 90, $"wutong {found["wutong"]} of 100");
    }

    private static string? Best(FaceMatchResult result) => result.Matches.Count == 0 ? null : result.Matches[0].SubjectId;

    [Theory]
    [InlineData("nobody", "face-MP-001-1", 5, 0.8, "galleryId")]
    [InlineData("wanted", "photo.jpg", 5, 0.8, "faceId")]
    [InlineData("wanted", "face-WP-001-1", 0, 0.8, "topK")]
    [InlineData("wanted", "face-WP-001-1", 5, 1.5, "threshold")]
    public async Task BadInput_IsTheCallersError_NamingTheField(string gallery, string face, int topK, double threshold, string field)
    {
        var error = await Assert.ThrowsAsync<CapabilityInputException>(() => Pengcheng.MatchFaceAsync(new FaceMatchRequest(gallery, face, topK, threshold), default).AsTask());
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public async Task AnEmptyComplaint_IsTheCallersError()
    {
        var error = await Assert.ThrowsAsync<CapabilityInputException>(() => Wutong.ClassifyComplaintAsync(new ComplaintClassificationRequest("  "), default).AsTask());
        Assert.Equal("text", error.Field);
    }
}
