using Hromada.Core.Conversation;
using Hromada.Core.Proposals;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Tests.Proposals;

public sealed class ProposalInputRulesTests
{
    private static readonly ProposalInputRules Rules = new(Options.Create(new ConversationOptions { ProposalMinLength = 20, ProposalMaxLength = 4000 }));

    private const string GoodText = "Відремонтувати дорогу до школи в селі Камʼянка";

    [Fact]
    public void Check_WhatTheAuditFoundAccepted_IsRefusedFieldByField()
    {
        var check = Rules.Check(new ProposalInput(
            new string('а', 2_097_152), new string('Я', 100_000), string.Concat(Enumerable.Repeat("=1+1", 1000)), "not-an-email"));

        Assert.False(check.IsValid);
        Assert.Equal(["authorEmail", "authorName", "authorPhone", "text"], check.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("at most 4000", check.Errors["text"][0], StringComparison.Ordinal);
        Assert.Contains("at most 200", check.Errors["authorName"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AGoodProposal_IsCleanedTrimmedAndNormalised()
    {
        var check = Rules.Check(new ProposalInput(
            "  Відремонтувати \u202Eдорогу\u000B до школи\r\nв селі Камʼянка ", " Олена \u2066Петренко\u2069 ", "067 123-45-67", " olena@example.com ", "  Нові Хутори "));

        Assert.True(check.IsValid);
        Assert.Equal("Відремонтувати дорогу до школи\nв селі Камʼянка", check.Value.Text);
        Assert.Equal("Олена Петренко", check.Value.AuthorName);
        Assert.Equal("+380671234567", check.Value.AuthorPhone);
        Assert.Equal("olena@example.com", check.Value.AuthorEmail);
        Assert.Equal("Нові Хутори", check.Value.UnlistedSettlement);
    }

    [Fact]
    public void Check_BlankOptionalFields_AreNull_AndAMissingTextIsAnError()
    {
        var check = Rules.Check(new ProposalInput("   ", " ", "", null, "\u202E"));

        Assert.Equal(["text"], check.Errors.Keys);
        Assert.Null(check.Value.AuthorName);
        Assert.Null(check.Value.AuthorPhone);
        Assert.Null(check.Value.UnlistedSettlement);
    }

    [Fact]
    public void Check_SaysEachProblemInUkrainianToo_ForTheSecretarysPage()
    {
        var missing = Rules.Check(new ProposalInput("   ", "Я", "12345", "not-an-email", "С"));
        var tooShort = Rules.Check(new ProposalInput("Коротко"));

        Assert.Equal("Введіть текст пропозиції.", missing.Problems.Ukrainian("text"));
        Assert.Equal("Текст пропозиції — від 20 до 4000 символів.", tooShort.Problems.Ukrainian("text"));
        Assert.Equal("Імʼя — від 2 до 200 символів.", missing.Problems.Ukrainian("authorName"));
        Assert.Equal("Це не український номер телефону: +380XXXXXXXXX або 0XXXXXXXXX.", missing.Problems.Ukrainian("authorPhone"));
        Assert.Equal("Це не адреса електронної пошти.", missing.Problems.Ukrainian("authorEmail"));
        Assert.Equal("Назва населеного пункту — від 2 до 100 символів.", missing.Problems.Ukrainian("unlistedSettlement"));
        Assert.Equal([missing.Problems.All[0].English], missing.Errors["text"]);
    }

    [Theory]
    [InlineData("Коротко", ProposalFieldErrorCode.TooShort)]
    [InlineData(null, ProposalFieldErrorCode.Missing)]
    public void CheckText_OutsideTheConfiguredBounds_SaysWhy(string? text, ProposalFieldErrorCode code) =>
        Assert.Equal(code, Rules.CheckText(text).Error?.Code);

    [Fact]
    public void CheckText_CountsCharactersAfterCleaning()
    {
        // 19 letters and a bidi override: too short once the override is gone.
        Assert.Equal(ProposalFieldErrorCode.TooShort, Rules.CheckText(new string('ж', 19) + "\u202E").Error?.Code);
        Assert.True(Rules.CheckText(GoodText).IsValid);
    }

    [Theory]
    [InlineData("Я", ProposalFieldErrorCode.TooShort)]
    [InlineData("Іван", null)]
    public void CheckName_TakesTwoTo200Characters(string name, ProposalFieldErrorCode? code) =>
        Assert.Equal(code, ProposalInputRules.CheckName(name).Error?.Code);

    [Theory]
    [InlineData("+380 (67) 123-45-67", "+380671234567", true)]
    [InlineData("olena@example.com", "olena@example.com", false)]
    public void CheckContact_APhoneOrAnEmail_IsNormalised(string typed, string expected, bool phone)
    {
        var check = ProposalInputRules.CheckContact(typed, out var isPhone);
        Assert.Equal(expected, check.Value);
        Assert.Equal(phone, isPhone);
    }

    [Fact]
    public void CheckContact_Neither_IsRefused() =>
        Assert.Equal(ProposalFieldErrorCode.NotAContact, ProposalInputRules.CheckContact("подзвоніть мені", out _).Error?.Code);

    [Fact]
    public void CheckSettlementName_LongerThan100_IsRefused() =>
        Assert.Equal(ProposalFieldErrorCode.TooLong, ProposalInputRules.CheckSettlementName(new string('с', 101)).Error?.Code);
}
