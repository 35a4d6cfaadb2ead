using Luohu.Hub.Host.Tests;
using Microsoft.Playwright;

namespace Luohu.Hub.Designer.Tests;

/// <summary>
/// One real hub and one headless Debian Chromium for the browser tests of a class. Chromium must be installed
/// (<c>tests/run.sh</c> installs it); a missing browser fails every test with the reason, never skips.
/// </summary>
public sealed class DesignerHub : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? playwright;
    private IBrowser? browser;
    private HubServer? server;

    public HubServer Server => server ?? throw new InvalidOperationException("The hub has not started.");

    public IBrowser Browser => browser ?? throw new InvalidOperationException("Chromium has not started.");

    /// <summary>Where each page's screenshot goes: <c>test-artifacts/designer/</c> at the repository root (gitignored).</summary>
    public static string ArtifactsPath { get; } = Path.Combine(RepoPaths.Root, "test-artifacts", "designer");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {ChromiumPath}: the designer's browser tests need Debian's chromium package (apt-get install chromium fonts-noto-cjk; tests/run.sh does this).");
        }

        Directory.CreateDirectory(ArtifactsPath);
        // The host's name, so the in-process hub finds the host's static web asset manifests (copied beside the tests).
        server = await HubServer.StartAsync(new Dictionary<string, string?> { ["applicationName"] = "Luohu.Hub.Host" });
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh browser context (no cookies) with one page, sized like an office screen.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 800 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        return page;
    }

    /// <summary>Signs in through the sign-in form and waits for the flows page.</summary>
    public static async Task SignInAsync(IPage page, string user, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/signin");
        await page.Locator("#user").FillAsync(user);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("button[type=submit].button-primary").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
    }

    public static Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsPath, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
