from kim.housing.models import Stay
