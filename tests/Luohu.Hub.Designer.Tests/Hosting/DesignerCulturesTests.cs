using Luohu.Hub.Designer.Hosting;
using Microsoft.AspNetCore.Localization;

namespace Luohu.Hub.Designer.Tests.Hosting;

public sealed class DesignerCulturesTests
{
    [Theory]
    [InlineData("en", "en")]
    [InlineData("EN", "en")]
    [InlineData("zh-Hans", "zh-Hans")]
    [InlineData("fr", "zh-Hans")]
    [InlineData(null, "zh-Hans")]
    public void Normalize_FallsBackToSimplifiedChinese(string? asked, string expected) => Assert.Equal(expected, DesignerCultures.Normalize(asked));

    [Fact]
    public void LocalizationOptions_DefaultIsChinese_AndTheBrowserLanguageIsIgnored()
    {
        var options = DesignerCultures.LocalizationOptions();

        Assert.Equal("zh-Hans", options.DefaultRequestCulture.UICulture.Name);
        Assert.DoesNotContain(options.RequestCultureProviders, p => p is AcceptLanguageHeaderRequestCultureProvider);
        Assert.Contains(options.RequestCultureProviders, p => p is CookieRequestCultureProvider);
    }
}
