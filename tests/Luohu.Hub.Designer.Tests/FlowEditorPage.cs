using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Luohu.Hub.Designer.Tests;

/// <summary>What a person does on the flow editor's canvas, as mouse and keyboard steps.</summary>
internal static class FlowEditorPage
{
    public static async Task WaitReadyAsync(IPage page) =>
        await Expect(page.Locator("[data-testid=flow-editor][data-ready=true]")).ToBeVisibleAsync(new() { Timeout = 30_000 });

    public static ILocator Setting(IPage page, string field) => page.GetByTestId("node-settings").GetByTestId($"field-{field}");

    /// <summary>Presses on the palette item and lets go at (x, y) of the canvas.</summary>
    public static async Task DragFromPaletteAsync(IPage page, string item, float x, float y)
    {
        await page.GetByTestId($"palette-item-{item}").ScrollIntoViewIfNeededAsync();
        var source = await page.GetByTestId($"palette-item-{item}").BoundingBoxAsync() ?? throw new InvalidOperationException($"No palette item {item}.");
        var canvas = await page.GetByTestId("canvas").BoundingBoxAsync() ?? throw new InvalidOperationException("No canvas.");
        var before = await page.Locator("[data-testid=canvas] .x6-node").CountAsync();
        await page.Mouse.MoveAsync(source.X + (source.Width / 2), source.Y + (source.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(canvas.X + x, canvas.Y + y, new() { Steps = 12 });
        await page.Mouse.UpAsync();
        await Expect(page.Locator("[data-testid=canvas] .x6-node")).ToHaveCountAsync(before + 1);
    }

    /// <summary>Drags from the output port of one node to the input port of another.</summary>
    public static async Task WireAsync(IPage page, string from, string port, string to)
    {
        var source = await page.Locator($".x6-node[data-cell-id='{from}'] [port='out:{port}']").BoundingBoxAsync() ?? throw new InvalidOperationException($"No port {port} on {from}.");
        var target = await page.Locator($".x6-node[data-cell-id='{to}'] [port='in']").BoundingBoxAsync() ?? throw new InvalidOperationException($"No input on {to}.");
        await page.Mouse.MoveAsync(source.X + (source.Width / 2), source.Y + (source.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(target.X + (target.Width / 2), target.Y + (target.Height / 2), new() { Steps = 12 });
        await page.Mouse.UpAsync();
    }

    public static async Task SelectNodeAsync(IPage page, string nodeId)
    {
        await page.Locator($".x6-node[data-cell-id='{nodeId}'] text").First.ClickAsync();
        await Expect(page.GetByTestId("node-id")).ToHaveValueAsync(nodeId);
    }

    /// <summary>Replaces the text of a code field (CodeMirror) by typing, as a person would.</summary>
    public static async Task FillCodeAsync(IPage page, string field, string code)
    {
        var content = Setting(page, field).Locator(".cm-content");
        await content.ClickAsync();
        await page.Keyboard.PressAsync("Control+a");
        await page.Keyboard.PressAsync("Delete");
        await page.Keyboard.InsertTextAsync(code);
        await Expect(content).ToContainTextAsync(code.Split('\n')[0]);
    }
}
