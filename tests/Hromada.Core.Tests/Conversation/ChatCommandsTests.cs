using Hromada.Core.Conversation;

namespace Hromada.Core.Tests.Conversation;

public sealed class ChatCommandsTests
{
    [Theory]
    [InlineData(ChatCommands.New, "m:new")]
    [InlineData(ChatCommands.My, "m:my")]
    [InlineData(ChatCommands.Subscribe, "m:sub")]
    [InlineData(ChatCommands.Stop, "m:stop")]
    [InlineData(ChatCommands.Help, "m:help")]
    public void EveryMenuButton_RunsItsCommand_WithTheValueOldKeyboardsStillCarry(string command, string value)
    {
        Assert.Equal(value, ChatCommands.Button(command));
        Assert.Equal(command, ChatCommands.OfButton(value));
    }

    [Theory]
    [InlineData("m:removed-button", ChatCommands.Help)]
    [InlineData("sphere:3", null)]
    [InlineData("summary:send", null)]
    [InlineData("m", null)]
    public void AValueOfNoButton_IsNotACommand_AndAnUnknownMenuButtonShowsHelp(string value, string? command) =>
        Assert.Equal(command, ChatCommands.OfButton(value));

    [Theory]
    [InlineData("/new", true)]
    [InlineData("  /start@HromadaBot", true)]
    [InlineData("new", false)]
    [InlineData("Дорога /ремонт", false)]
    public void OnlyTextThatStartsWithASlash_IsATypedCommand(string text, bool typed) =>
        Assert.Equal(typed, ChatCommands.IsTyped(text));
}
