using System.ComponentModel.DataAnnotations;

namespace Blog.Web.Pages.Account;

public sealed class EmailInput
{
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address, like name@example.com.")]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";
}
