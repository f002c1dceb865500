"""Background work of accounts: telling someone that sign-in to their account was paused."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django_tasks import task


@task(backend="background")
def tell_owner_of_paused_sign_in(user_id: int, ip: str) -> None:
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return
    reset_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("account_reset_password")
    send_mail(
        subject="Sign-in to your KCP account was paused after wrong passwords",
        message=(
            f"Dear {user.first_name or user.email},\n\n"
            f"Someone at the internet address {ip} typed the wrong password for your "
            "account several times, so sign-in from that address is paused for five minutes. "
            "You can still sign in from your own connection.\n\n"
            "If this was you, wait five minutes and try again. If it was not, your password "
            "is still safe, but you may want to change it:\n\n"
            f"{reset_url}\n\n"
            "The Kensington and Chelsea Partnership team\n"
        ),
        from_email=None,
        recipient_list=[user.email],
    )
