using System.Net;
using System.Security.Claims;
using Luohu.Hub.Host.Gateway;
using Microsoft.AspNetCore.Http;

namespace Luohu.Hub.Host.Tests;

public sealed class GatewayConsumerTests
{
    [Fact]
    public void The_consumer_claim_wins_over_the_key_header()
    {
        var context = Context(apiKey: "k-1");
        context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(GatewayConsumer.ClaimType, "key:42")], "test"));

        Assert.Equal("key:42", GatewayConsumer.Resolve(context));
    }

    [Fact]
    public void Without_a_claim_the_key_header_is_hashed_and_never_shown()
    {
        var consumer = GatewayConsumer.Resolve(Context(apiKey: "secret-key-value"));

        Assert.StartsWith("apikey:", consumer, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-key-value", consumer, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_keys_are_two_consumers() =>
        Assert.NotEqual(GatewayConsumer.Resolve(Context(apiKey: "k-1")), GatewayConsumer.Resolve(Context(apiKey: "k-2")));

    [Fact]
    public void Without_claim_or_key_the_remote_address_is_the_consumer() =>
        Assert.Equal("ip:10.1.2.3", GatewayConsumer.Resolve(Context(apiKey: null)));

    private static DefaultHttpContext Context(string? apiKey)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse("10.1.2.3");
        if (apiKey is not null)
        {
            context.Request.Headers[GatewayConsumer.ApiKeyHeader] = apiKey;
        }

        return context;
    }
}
