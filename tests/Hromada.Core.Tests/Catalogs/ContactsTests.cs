using Hromada.Core.Catalogs;
using Hromada.Core.Conversation;

namespace Hromada.Core.Tests.Catalogs;

public sealed class ContactsTests
{
    [Theory]
    [InlineData("osvita@rada.gov.ua", true)]
    [InlineData(" osvita@rada.gov.ua ", true)]
    [InlineData("osvita@rada.gov.ua.", false)] // pasted from the end of a sentence: the sender would refuse it
    [InlineData("osvita@rada", false)]
    [InlineData("osvita rada@gov.ua", false)]
    [InlineData("Освіта <osvita@rada.gov.ua>", false)]
    [InlineData("", false)]
    public void AReviewBodysAddress_IsAcceptedExactlyWhenTheEmailSenderWouldTakeIt(string address, bool accepted)
    {
        Assert.Equal(accepted, Contacts.IsEmail(address));
        Assert.Equal(accepted, ContactParser.NormaliseEmail(address) is not null);
    }
}
