using System.Net;
using System.Net.Http.Json;
using System.Text;
using Hromada.Bot.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Hromada.Bot.Tests.Security;

public sealed class CrossOriginTests
{
    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task WebChatSession_FromAnotherSitesFormOrTextPost_IsRefusedWith415(string contentType)
    {
        await using var app = new HromadaAppFactory();
        using var http = app.CreateClient();
        using var content = new StringContent("{}", Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        var response = await http.PostAsync(new Uri("/api/webchat/sessions", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("Надішліть запит як JSON", (await response.Content.ReadFromJsonAsync<ProblemDetails>())?.Title);
    }

    [Fact]
    public async Task WebChatSession_WithNoBodyAtAll_IsRefused_ButTheWidgetsJsonPostIsServed()
    {
        await using var app = new HromadaAppFactory();
        using var http = app.CreateClient();

        // fetch(url, {method: "POST", mode: "no-cors"}) from any page sends exactly this.
        var bare = await http.PostAsync(new Uri("/api/webchat/sessions", UriKind.Relative), null);
        using var fromWidget = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/sessions") { Content = JsonContent.Create(new { }) };
        fromWidget.Headers.Add("X-Chat-Client", "widget");
        var widget = await http.SendAsync(fromWidget);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, bare.StatusCode);
        Assert.Equal(HttpStatusCode.OK, widget.StatusCode);
    }
}
