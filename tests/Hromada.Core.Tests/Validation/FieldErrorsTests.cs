using Hromada.Core.Validation;

namespace Hromada.Core.Tests.Validation;

public sealed class FieldErrorsTests
{
    [Fact]
    public void Add_ALaterProblemOfTheSameField_ReplacesTheEarlier()
    {
        var errors = new FieldErrors()
            .Add("text", "Send either text or a choice.", "Надішліть або текст, або вибір (choice).")
            .Add("after", "after is 0 or more.", "after — 0 або більше.")
            .Add("text", "The message is too long.", "Повідомлення задовге.");

        Assert.Equal(["The message is too long."], errors.ByField(english: true)["text"]);
        Assert.Equal("Повідомлення задовге.", errors.Ukrainian("text"));
        Assert.Equal(2, errors.All.Count);
    }

    [Fact]
    public void AddAnother_KeepsEveryProblemOfAField_InTheOrderFound_InEitherLanguage()
    {
        var errors = new FieldErrors()
            .AddAnother("text", "Too long for MessengerSubscribers.", "Задовгий для Messenger.")
            .AddAnother("title", "The title does not fit.", "Назва не вміщується.")
            .AddAnother(new FieldError("text", "Too long for TelegramChannel.", "Задовгий для каналу Telegram."));

        Assert.Equal(["Too long for MessengerSubscribers.", "Too long for TelegramChannel."], errors.ByField(english: true)["text"]);
        Assert.Equal(["Задовгий для Messenger.", "Задовгий для каналу Telegram."], errors.ByField(english: false)["text"]);
        Assert.Equal(["text", "title"], errors.ByField(english: false).Keys);
        Assert.True(errors.Has("title"));
        Assert.False(errors.Has("targets"));
    }

    [Fact]
    public void NoProblems_IsNotAny_AndGivesAnEmptyAnswer()
    {
        var errors = new FieldErrors();

        Assert.False(errors.Any);
        Assert.Empty(errors.ByField(english: true));
        Assert.Null(errors.Ukrainian("text"));
    }
}
